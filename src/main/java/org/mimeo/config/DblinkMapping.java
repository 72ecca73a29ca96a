package org.mimeo.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A source database (the original's dblink_mapping_mimeo). The password is never exposed by toString. */
@Entity
@Table(name = "dblink_mapping", schema = "mimeo")
public class DblinkMapping {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "data_source_id")
    private Integer id;

    @Column(name = "data_source", nullable = false)
    private String dataSource;

    @Column(name = "username", nullable = false)
    private String username;

    @Column(name = "pwd")
    private String password;

    public Integer getId() {
        return id;
    }

    public String getDataSource() {
        return dataSource;
    }

    public void setDataSource(String dataSource) {
        this.dataSource = dataSource;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public String toString() {
        return "source " + id + " (" + dataSource + ", user " + username + ")";
    }
}
