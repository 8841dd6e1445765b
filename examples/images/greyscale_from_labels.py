"""Makes examples/images/calendered-nmc622-grey.tif, the greyscale "scan" of examples/xct-greyscale.yaml, from the
label image calendered-nmc622.npy (0 pore, 1 AM, 2 CBD): what an absorption XCT scan of it would roughly look like.

Each phase gets a grey level of a 16-bit scan (pore 9000, CBD 21000, AM 42000: absorption rises from the pores
through the carbon-binder to the transition-metal oxide), the image is blurred by the point spread of the detector
(a Gaussian of 0.6 voxel), and Gaussian noise of 2500 grey values is added (seed 1). The stack is written as one
multi-page 16-bit TIFF, a page per z-slice, as tomography software exports it.

    python examples/images/greyscale_from_labels.py      (needs numpy, scipy, tifffile)
"""
import pathlib

import numpy as np
import tifffile
from scipy.ndimage import gaussian_filter

here = pathlib.Path(__file__).parent
labels = np.load(here / "calendered-nmc622.npy")  # a[z, y, x]
grey = np.choose(labels, [9000.0, 42000.0, 21000.0])  # label 0 pore, 1 AM, 2 CBD
grey = gaussian_filter(grey, sigma=0.6, mode="wrap")
grey += np.random.default_rng(1).normal(0.0, 2500.0, grey.shape)
scan = np.clip(np.rint(grey), 0, 65535).astype(np.uint16)
tifffile.imwrite(here / "calendered-nmc622-grey.tif", scan, photometric="minisblack")
print("wrote", here / "calendered-nmc622-grey.tif", scan.shape, scan.dtype, "mean", scan.mean())
