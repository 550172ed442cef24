package org.activelabel.model;

import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The head is a small dense net: one native thread trains it faster than several, which spend their
 * time synchronising. Set once, before the first network is built, so no OMP_NUM_THREADS is needed.
 */
final class NativeThreads {

    /** Overrides the thread count, e.g. {@code -Dactivelabel.head.threads=2}. */
    static final String PROPERTY = "activelabel.head.threads";

    private static final Logger LOG = LoggerFactory.getLogger(NativeThreads.class);

    private static boolean configured;

    private NativeThreads() {
    }

    static synchronized void configure() {
        if (configured) {
            return;
        }
        configured = true;
        int threads = Integer.getInteger(PROPERTY, 1);
        if (threads <= 0) {
            return; // leave ND4J's own choice
        }
        var environment = Nd4j.getEnvironment();
        environment.setMaxThreads(threads);
        environment.setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        LOG.debug("ND4J limited to {} thread(s)", threads);
    }
}
