package org.mimeo.copy;

/** Tells the generic copy step what to copy for one replication mode. */
public interface CopySpecProvider {

    /** The mode this provider serves, as named in the job XML's reader property {@code mode}. */
    String mode();

    CopySpec spec(String destTable);
}
