package org.mimeo.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/** Plain table replication: truncate and reload. */
@Entity
@DynamicUpdate
@Table(name = "refresh_config_table", schema = "mimeo")
public class RefreshConfigTable extends RefreshConfig {

    public static final String TYPE = "table";

    @Column(name = "truncate_cascade", nullable = false)
    private boolean truncateCascade;

    @Column(name = "sequences")
    private String[] sequences;

    /** The destination table existed before the maker ran: a destroyer keeps it. */
    @Column(name = "adopted", nullable = false)
    private boolean adopted;

    public RefreshConfigTable() {
        super(TYPE);
    }

    public boolean isTruncateCascade() {
        return truncateCascade;
    }

    public void setTruncateCascade(boolean truncateCascade) {
        this.truncateCascade = truncateCascade;
    }

    public boolean isAdopted() {
        return adopted;
    }

    public void setAdopted(boolean adopted) {
        this.adopted = adopted;
    }

    public String[] getSequences() {
        return sequences;
    }

    public void setSequences(String[] sequences) {
        this.sequences = sequences;
    }
}
