package org.calsim.api.stage;

/** Names of the service properties calsim services carry. */
public final class ServiceProperties {

    /**
     * The name a job file uses for a service ({@code hertz-mindlin}, {@code empirical.porosity}, …).
     * Several implementations may carry the same name; the highest {@code service.ranking} wins.
     */
    public static final String NAME = "calsim.name";

    private ServiceProperties() {
    }
}
