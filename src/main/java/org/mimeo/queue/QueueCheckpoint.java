package org.mimeo.queue;

import java.io.Serializable;

/** The queue reader's checkpoint: the run's last queue position and the last one whose block committed. */
record QueueCheckpoint(int version, QueuePosition upTo, QueuePosition committed) implements Serializable {

    static final int CURRENT_VERSION = 2;
}
