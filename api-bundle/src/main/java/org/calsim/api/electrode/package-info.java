/**
 * The electrode being calendered: its recipe (what the coating is made of, as dried) and the
 * calendering conditions (roll and process), plus the standard state keys for coating properties.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.calsim.api.electrode;
