/** Files written so that no reader, and no crash, ever leaves half of one. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.calsim.support.files;
