package org.mimeo.incremental;

import java.io.Serializable;

/** The incremental reader's checkpoint: the run's window and the last control value whose block committed. */
record IncrementalCheckpoint(int version, Window window, String committed) implements Serializable {

    static final int CURRENT_VERSION = 1;
}
