package org.mimeo.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/** A source database (the original's dblink_mapping_mimeo). Its password is stored encrypted and never exposed by toString. */
@Entity
@DynamicUpdate
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

    /** Ciphertext made by SourceCredentials with a key the database does not hold; never the password itself. */
    @Column(name = "pwd")
    private String encryptedPassword;

    @Column(name = "pwd_encrypted", nullable = false)
    private boolean passwordEncrypted;

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

    public String getEncryptedPassword() {
        return encryptedPassword;
    }

    public void setEncryptedPassword(String encryptedPassword) {
        this.encryptedPassword = encryptedPassword;
        this.passwordEncrypted = encryptedPassword != null;
    }

    public boolean hasPassword() {
        return encryptedPassword != null;
    }

    @Override
    public String toString() {
        return "source " + id + " (" + dataSource + ", user " + username + ")";
    }
}
