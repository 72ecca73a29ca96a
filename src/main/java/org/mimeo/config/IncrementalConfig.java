package org.mimeo.config;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** Columns of inserter and updater replications: the control column and, for updaters, the replication key. */
@MappedSuperclass
public abstract class IncrementalConfig extends RefreshConfig {

    @Column(name = "control", nullable = false)
    private String control;

    @Column(name = "pk_name")
    private String[] pkName;

    @Column(name = "pk_type")
    private String[] pkType;

    protected IncrementalConfig() {
    }

    protected IncrementalConfig(String type) {
        super(type);
    }

    /** "inserter" or "updater": the type name of the REST contract. */
    public String kind() {
        return getType().substring(0, getType().indexOf('_'));
    }

    public abstract boolean isTimeBased();

    /** The boundary as text: an interval for time-based, an integer for serial. */
    public abstract String boundaryText();

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
