package org.calsim.dem.calendering;

import org.calsim.api.contact.ContactLaw;
import org.calsim.api.stage.StageContext;
import org.calsim.api.stage.StageFailedException;
import org.calsim.api.stage.Swappable;
import org.calsim.dem.engine.DemEngine;

/**
 * The step loop of the DEM stages, shared by {@code dem.generate}'s settling ({@link Deposition}) and
 * {@code dem.calender} ({@link CalenderStage}): before each step the contact law is acquired from its hot-swappable
 * handle and put in use (a swap takes effect at this step boundary, dated in the stage's steps); every
 * {@value #CHECK_EVERY} steps the job is checked for cancellation and the progress reported; a run that reaches its
 * step limit unfinished fails; after each step the stage's {@link Course} reacts. The loop allocates nothing beyond
 * what the stage does.
 */
final class StepDriver {
    /** Steps between two cancellation checks and progress reports. */
    static final int CHECK_EVERY = 200;

    /**
     * What a stage does around the engine's steps.
     *
     * @param <X> what {@link #afterStep} may throw besides unchecked exceptions
     */
    interface Course<X extends Exception> {
        /** @return whether the run is complete (asked before every step) */
        boolean done();

        /** @return how far the run has come, 0..1, for the progress report */
        double progress();

        /** @return one line for the progress report */
        String describe();

        /** Reacts to the step just taken. */
        void afterStep() throws X;

        /** @return the failure of a run that reached its step limit unfinished */
        StageFailedException unfinished();
    }

    private StepDriver() {
    }

    /**
     * Steps the engine until the course is done.
     *
     * @param firstStep the stage's steps before this engine's first, so that a law swap is dated in the stage's steps
     * @param maxSteps  the engine's steps at which an unfinished run fails
     * @throws StageFailedException when the run reaches {@code maxSteps} unfinished
     */
    static <X extends Exception> void run(StageContext context, DemEngine engine, Swappable<ContactLaw> laws,
                                          long firstStep, long maxSteps, Course<X> course)
            throws X, StageFailedException {
        while (!course.done()) {
            long step = engine.steps();
            engine.useLaw(laws.acquire(firstStep + step)); // a swap takes effect at this step boundary
            if (step % CHECK_EVERY == 0) {
                context.checkCancelled();
                context.progress(course.progress(), course.describe());
            }
            if (step >= maxSteps) {
                throw course.unfinished();
            }
            engine.advance();
            course.afterStep();
        }
    }
}
