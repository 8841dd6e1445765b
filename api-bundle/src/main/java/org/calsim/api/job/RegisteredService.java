package org.calsim.api.job;

/**
 * One registered calsim service.
 *
 * @param kind                contact-law, a contact part's role (contact-normal, contact-damping, contact-cohesion,
 *                            contact-tangential, contact-rolling, contact-bond), material, solver, coupler or
 *                            sweep-executor
 * @param name                its {@code calsim.name}
 * @param implementation      implementation class
 * @param bundleSymbolicName  bundle that registered it
 * @param bundleVersion       that bundle's version
 * @param ranking             {@code service.ranking}
 * @param serviceId           {@code service.id}
 * @param description         one line, where the service gives one
 */
public record RegisteredService(String kind, String name, String implementation, String bundleSymbolicName,
                                String bundleVersion, int ranking, long serviceId, String description) {
}
