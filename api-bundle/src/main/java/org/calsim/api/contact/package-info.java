/**
 * Contact laws for the discrete element method: the force and torque between two touching bodies
 * (particle–particle, particle–wall).
 *
 * <p>A law is called millions of times per second, from several threads at once. The call shape
 * therefore allocates nothing: the engine fills a reused {@link org.calsim.api.contact.ContactGeometry},
 * passes the pair's {@link org.calsim.api.contact.PairProperties} and the contact's history slots
 * (a primitive array and an offset), and the law writes into a reused
 * {@link org.calsim.api.contact.ContactForce}. Laws keep no mutable state of their own.
 *
 * <p>Laws are composed the way the GRANULAR package of LAMMPS composes them: a normal model, a normal
 * damping model, a cohesion model, a tangential model and a rolling model, each with its own history
 * slots ({@link org.calsim.api.contact.ComposedContactLaw}). A research group can replace one part
 * without rewriting the others: parts published as services are composed in the job file
 * ({@link org.calsim.api.contact.ContactPart}).
 *
 * <p>1.1: bonds (bonded-particle model): {@link org.calsim.api.contact.BondSpec},
 * {@link org.calsim.api.contact.ContactPart.Bond}, {@link org.calsim.api.contact.ContactForce#bondNormal} and
 * the bond methods of {@link org.calsim.api.contact.ContactLaw}.
 *
 * <p>1.2: adhesion seen by friction ({@link org.calsim.api.contact.ContactForce#pullOff},
 * {@link org.calsim.api.contact.ContactForce#frictionNormal()}); history carried over a hot swap
 * ({@link org.calsim.api.contact.ComposedContactLaw#historyCarriedFrom}).
 *
 * <p>1.4: the Hertzian contact radius the parts of one contact share
 * ({@link org.calsim.api.contact.ContactGeometry#contactRadius()}).
 *
 * <p>1.5: a composed law's parts by role ({@link org.calsim.api.contact.ComposedContactLaw#partsByRole()}), so an
 * engine can recognise a composition it has a specialised kernel for.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package org.calsim.api.contact;
