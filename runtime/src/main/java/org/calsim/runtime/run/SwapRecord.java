package org.calsim.runtime.run;

/**
 * One change of the implementation behind a {@link TrackedService}: from which step of which stage
 * which implementation ran. The first record of a handle has {@code fromStep} of its first acquire.
 *
 * @param stage          stage name
 * @param service        requested service type and name, e.g. {@code ContactLaw hertz-mindlin}, or for a part of a
 *                       composed contact law its role and name, e.g. {@code ContactPart.Normal hertz}
 * @param implementation component or class that ran
 * @param bundle         its bundle symbolic name
 * @param bundleVersion  its bundle version
 * @param serviceId      its service.id
 * @param ranking        its service.ranking
 * @param fromStep       first step computed with it
 */
public record SwapRecord(String stage, String service, String implementation, String bundle, String bundleVersion,
                         long serviceId, int ranking, long fromStep) {
}
