/**
 * VTK XML files for ParaView, binary as ParaView itself writes them: image data (voxel images and fields on them)
 * and poly data (particles), every array appended raw after the XML header.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.calsim.support.vtk;
