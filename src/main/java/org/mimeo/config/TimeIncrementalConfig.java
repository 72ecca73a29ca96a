package org.mimeo.config;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;
import org.hibernate.annotations.ColumnTransformer;

/**
 * Time-based incremental replication: copies rows with {@code last_value < control < now - boundary}.
 * {@code last_value} is -infinity until something was copied.
 */
@MappedSuperclass
public abstract class TimeIncrementalConfig extends IncrementalConfig {

    @Column(name = "boundary", columnDefinition = "interval", nullable = false)
    @ColumnTransformer(read = "boundary::text", write = "?::interval")
    private String boundary = "00:10:00";

    /** -infinity in the table (nothing copied yet) is null here. */
    @Column(name = "last_value", nullable = false)
    @ColumnTransformer(read = "nullif(last_value, '-infinity'::timestamptz)", write = "coalesce(?, '-infinity'::timestamptz)")
    private OffsetDateTime lastValue;

    @Column(name = "dst_active", nullable = false)
    private boolean dstActive = true;

    @Column(name = "dst_start", nullable = false)
    private int dstStart = 30;

    @Column(name = "dst_end", nullable = false)
    private int dstEnd = 230;

    protected TimeIncrementalConfig() {
    }

    protected TimeIncrementalConfig(String type) {
        super(type);
    }

    @Override
    public boolean isTimeBased() {
        return true;
    }

    @Override
    public String boundaryText() {
        return boundary;
    }

    public void setBoundary(String boundary) {
        this.boundary = boundary;
    }

    /** Null while nothing was copied (-infinity in the table). */
    public OffsetDateTime getLastValue() {
        return lastValue;
    }

    public void setLastValue(OffsetDateTime lastValue) {
        this.lastValue = lastValue;
    }

    public boolean isDstActive() {
        return dstActive;
    }

    public void setDstActive(boolean dstActive) {
        this.dstActive = dstActive;
    }

    public int getDstStart() {
        return dstStart;
    }

    public void setDstStart(int dstStart) {
        this.dstStart = dstStart;
    }

    public int getDstEnd() {
        return dstEnd;
    }

    public void setDstEnd(int dstEnd) {
        this.dstEnd = dstEnd;
    }
}
