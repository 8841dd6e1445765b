# Reference values for GaussianProcessTest, computed with scikit-learn 1.2.1 (Debian python3-sklearn):
#   /usr/bin/python3 ml-bundle/src/test/resources/gp_reference.py
# Data are standardised as calsim does (mean 0, population standard deviation 1) before sklearn sees them.
import numpy as np
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import ConstantKernel, RBF, Matern, WhiteKernel

def standardise(a):
    return (a - a.mean(axis=0)) / a.std(axis=0)

x1 = np.array([[0.0], [0.7], [1.9], [2.6], [3.1], [4.4], [5.0], [6.3], [7.2], [8.1], [9.0], [9.8]])
y1 = np.sin(x1[:, 0]) + 0.2 * np.sin(37.0 * np.arange(12))
x2 = np.array([[i * 0.37 % 1.0, (i * 0.61 + 0.2) % 1.0] for i in range(20)])
y2 = np.sin(3 * x2[:, 0]) + x2[:, 1] ** 2 + 0.2 * np.sin(37.0 * np.arange(20))
for name, x, y in (("1-D", x1, y1), ("2-D", x2, y2)):
    xs, ys = standardise(x), standardise(y)
    d = x.shape[1]
    for kname, base in (("RBF", RBF(length_scale=[1.0] * d)), ("Matern52", Matern(length_scale=[1.0] * d, nu=2.5))):
        kernel = ConstantKernel(1.0) * base + WhiteKernel(0.01)
        # fixed hyperparameters: l = 0.8 per input, sigma_f = 1.2, sigma_n = 0.15
        fixed = kernel.clone_with_theta(np.log([1.2 ** 2] + [0.8] * d + [0.15 ** 2]))
        gp = GaussianProcessRegressor(fixed, optimizer=None, alpha=0.0).fit(xs, ys)  # calsim adds no jitter
        probe = np.array([[0.3] * d])
        mean, std = gp.predict(probe, return_std=True)
        # sklearn's std includes the white noise: subtract it for the latent variance
        print(name, kname, "lml %.10f" % gp.log_marginal_likelihood_value_,
              "mean %.10f" % mean[0], "latent_var %.10f" % (std[0] ** 2 - 0.15 ** 2))
        opt = GaussianProcessRegressor(kernel, n_restarts_optimizer=20, random_state=0).fit(xs, ys)
        print(name, kname, "optimum lml %.8f" % opt.log_marginal_likelihood_value_)
