/** The cluster as the lab server shows it: members and the points each runs. */
package org.calsim.cluster.status;
