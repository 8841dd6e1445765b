package org.calsim.api.stage;

/** Names of the service properties calsim services carry. */
public final class ServiceProperties {

    /**
     * The name a job file uses for a service ({@code hertz-mindlin}, {@code empirical.porosity}, …).
     * Several implementations may carry the same name; the highest {@code service.ranking} wins.
     */
    public static final String NAME = "calsim.name";

    /**
     * One line on what a service is, for {@code ./calsim list} and {@code describe}, where the service interface has
     * no description method of its own (contact parts carry it: the equation, its source, what it reads). Since 1.5.
     */
    public static final String DESCRIPTION = "calsim.description";

    private ServiceProperties() {
    }
}
