package org.mimeo.config;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;
import org.hibernate.annotations.ColumnTransformer;
import org.mimeo.sql.QualifiedName;

/**
 * Columns every replication has (the original's refresh_config parent table). The entities are
 * {@code @DynamicUpdate}: a refresh that stamps {@code last_run} writes only that column, so it never
 * writes back a period or condition that a PATCH changed while the refresh ran.
 */
@MappedSuperclass
public abstract class RefreshConfig {

    @Id
    @Column(name = "dest_table")
    private String destTable;

    @Column(name = "type", nullable = false)
    private String type;

    @Column(name = "dblink", nullable = false)
    private Integer sourceId;

    @Column(name = "source_table", nullable = false)
    private String sourceTable;

    @Column(name = "last_run")
    private OffsetDateTime lastRun;

    @Column(name = "filter")
    private String[] filter;

    @Column(name = "condition")
    private String condition;

    @Column(name = "period", columnDefinition = "interval")
    @ColumnTransformer(read = "period::text", write = "?::interval")
    private String period;

    @Column(name = "batch_limit")
    private Integer batchLimit;

    @Column(name = "jobmon", nullable = false)
    private boolean jobmon;

    protected RefreshConfig() {
    }

    protected RefreshConfig(String type) {
        this.type = type;
    }

    public QualifiedName destination() {
        return QualifiedName.parse(destTable);
    }

    public QualifiedName source() {
        return QualifiedName.parse(sourceTable);
    }

    public String getDestTable() {
        return destTable;
    }

    public void setDestTable(String destTable) {
        this.destTable = destTable;
    }

    public String getType() {
        return type;
    }

    public Integer getSourceId() {
        return sourceId;
    }

    public void setSourceId(Integer sourceId) {
        this.sourceId = sourceId;
    }

    public String getSourceTable() {
        return sourceTable;
    }

    public void setSourceTable(String sourceTable) {
        this.sourceTable = sourceTable;
    }

    public OffsetDateTime getLastRun() {
        return lastRun;
    }

    public void setLastRun(OffsetDateTime lastRun) {
        this.lastRun = lastRun;
    }

    public String[] getFilter() {
        return filter;
    }

    public void setFilter(String[] filter) {
        this.filter = filter;
    }

    public String getCondition() {
        return condition;
    }

    public void setCondition(String condition) {
        this.condition = condition;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public Integer getBatchLimit() {
        return batchLimit;
    }

    public void setBatchLimit(Integer batchLimit) {
        this.batchLimit = batchLimit;
    }

    public boolean isJobmon() {
        return jobmon;
    }
}
