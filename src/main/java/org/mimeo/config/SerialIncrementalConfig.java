package org.mimeo.config;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * Serial-based incremental replication: copies rows with {@code last_value < control <= max - boundary}.
 * {@code last_value} is the lowest bigint until something was copied.
 */
@MappedSuperclass
public abstract class SerialIncrementalConfig extends IncrementalConfig {

    public static final long NOTHING_COPIED = Long.MIN_VALUE;

    @Column(name = "boundary", nullable = false)
    private long boundary = 10;

    @Column(name = "last_value", nullable = false)
    private long lastValue = NOTHING_COPIED;

    protected SerialIncrementalConfig() {
    }

    protected SerialIncrementalConfig(String type) {
        super(type);
    }

    @Override
    public boolean isTimeBased() {
        return false;
    }

    @Override
    public String boundaryText() {
        return Long.toString(boundary);
    }

    public long getBoundary() {
        return boundary;
    }

    public void setBoundary(long boundary) {
        this.boundary = boundary;
    }

    /** Null while nothing was copied. */
    public Long getLastValue() {
        return lastValue == NOTHING_COPIED ? null : lastValue;
    }

    public void setLastValue(Long lastValue) {
        this.lastValue = lastValue == null ? NOTHING_COPIED : lastValue;
    }
}
