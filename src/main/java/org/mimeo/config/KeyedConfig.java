package org.mimeo.config;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * Columns shared by incremental and queue replications: {@code control} (the control column, or for
 * dml/logdel the source queue table, as in the original) and the replication key (pk_name, pk_type).
 */
@MappedSuperclass
public abstract class KeyedConfig extends RefreshConfig {

    @Column(name = "control", nullable = false)
    private String control;

    @Column(name = "pk_name")
    private String[] pkName;

    @Column(name = "pk_type")
    private String[] pkType;

    protected KeyedConfig() {
    }

    protected KeyedConfig(String type) {
        super(type);
    }

    public String getControl() {
        return control;
    }

    public void setControl(String control) {
        this.control = control;
    }

    public String[] getPkName() {
        return pkName;
    }

    public void setPkName(String[] pkName) {
        this.pkName = pkName;
    }

    public String[] getPkType() {
        return pkType;
    }

    public void setPkType(String[] pkType) {
        this.pkType = pkType;
    }
}
