package org.mimeo.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/** Snapshot replication: a view over two tables, swapped on each refresh. */
@Entity
@DynamicUpdate
@Table(name = "refresh_config_snap", schema = "mimeo")
public class RefreshConfigSnap extends RefreshConfig {

    public static final String TYPE = "snap";

    @Column(name = "check_stats", nullable = false)
    private boolean checkStats = true;

    @Column(name = "n_tup_ins")
    private Long nTupIns;

    @Column(name = "n_tup_upd")
    private Long nTupUpd;

    @Column(name = "n_tup_del")
    private Long nTupDel;

    @Column(name = "post_script")
    private String[] postScript;

    public RefreshConfigSnap() {
        super(TYPE);
    }

    public boolean isCheckStats() {
        return checkStats;
    }

    public void setCheckStats(boolean checkStats) {
        this.checkStats = checkStats;
    }

    public Long getNTupIns() {
        return nTupIns;
    }

    public Long getNTupUpd() {
        return nTupUpd;
    }

    public Long getNTupDel() {
        return nTupDel;
    }

    public void setWriteStats(Long ins, Long upd, Long del) {
        this.nTupIns = ins;
        this.nTupUpd = upd;
        this.nTupDel = del;
    }

    public String[] getPostScript() {
        return postScript;
    }

    public void setPostScript(String[] postScript) {
        this.postScript = postScript;
    }
}
