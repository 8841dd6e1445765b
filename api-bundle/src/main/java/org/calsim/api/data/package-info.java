/** Tables, datasets and plot descriptions: what stages produce for people and for machine learning. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.calsim.api.data;
