package org.calsim.api.study;

import org.osgi.annotation.versioning.ConsumerType;

/** Progress of a study (sweep, training, optimisation), for a progress bar or the lab server's events. */
@ConsumerType
public interface StudyListener {

    /**
     * @param fraction done so far, 0 to 1
     * @param message  short text, e.g. {@code "point 12/64 done, 1 failed"}
     */
    void progress(double fraction, String message);
}
