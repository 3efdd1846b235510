package org.gtt.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gtt.engine.math.PortableMath;

/**
 * Accumulates J_k = ∂s_T/∂s_k backwards, J_T = I, J_k = J_{k+1} · ∂s_{k+1}/∂s_k: one matrix
 * product per step. Every factor and every partial product is kept as (matrix with largest entry
 * in [1, 2)) · 2^exponent, so a product of 500 steps may reach 10^±400 and still give its exact
 * log10 norm. An exactly zero product stays zero for every earlier k and is reported as −∞. A factor
 * or product with an infinite or NaN entry throws {@link StateOverflowException}: nothing after it
 * (norms, the Lanczos process) could give a meaningful number from it.
 */
final class JacobianChain {
    /** Rows and columns of J_k whose spectral norm is reported as well (lstm: the c→c block). */
    record Block(int rowFrom, int rowTo, int colFrom, int colTo) {}

    /** log10 norms; −∞ marks an exactly zero matrix. {@code block} is null without a block. */
    record Result(double[] jacobianLog10, double[] stepLog10, double[] blockLog10) {}

    private JacobianChain() {}

    static Result run(StepModel model, Block block) {
        int steps = model.steps();
        double[] jacobian = new double[steps + 1];
        double[] step = new double[steps];
        double[] blockNorms = block == null ? null : new double[steps + 1];
        DMatrixRMaj product = CommonOps_DDRM.identity(model.stateSize(steps));
        DMatrixRMaj next = new DMatrixRMaj(1, 1);
        DMatrixRMaj factor = new DMatrixRMaj(1, 1);
        DMatrixRMaj blockMatrix = new DMatrixRMaj(1, 1);
        SpectralNorm productNorm = new SpectralNorm();
        SpectralNorm stepNorm = new SpectralNorm();
        SpectralNorm blockNorm = new SpectralNorm();
        long exponent = 0;
        boolean zero = false;
        for (int t = steps; t >= 1; t--) {
            factor.reshape(model.stateSize(t), model.stateSize(t - 1));
            model.stepJacobian(t, factor);
            int factorExponent = normalizeFinite(factor, t);
            step[t - 1] = log10Norm(stepNorm, factor, factorExponent);
            if (!zero && factorExponent != PowerOfTwo.ZERO) {
                next.reshape(product.numRows, factor.numCols);
                model.multiplyLeft(product, factor, next);
                DMatrixRMaj swap = product;
                product = next;
                next = swap;
                int productExponent = normalizeFinite(product, t);
                zero = productExponent == PowerOfTwo.ZERO;
                exponent += factorExponent + (zero ? 0 : productExponent);
            } else {
                zero = true;
            }
            jacobian[t - 1] = zero ? Double.NEGATIVE_INFINITY : log10Norm(productNorm, product, exponent);
            if (block != null) {
                blockNorms[t - 1] = zero ? Double.NEGATIVE_INFINITY
                        : blockLog10Norm(product, exponent, block, blockMatrix, blockNorm);
            }
        }
        if (block != null) {
            blockNorms[steps] = 0.0;
        }
        return new Result(jacobian, step, blockNorms);
    }

    private static int normalizeFinite(DMatrixRMaj matrix, int step) {
        int exponent = PowerOfTwo.normalize(matrix);
        if (exponent == PowerOfTwo.NOT_FINITE) {
            throw StateOverflowException.inJacobian(step);
        }
        return exponent;
    }

    private static double log10Norm(SpectralNorm norm, DMatrixRMaj normalized, long exponent) {
        if (exponent == PowerOfTwo.ZERO) {
            return Double.NEGATIVE_INFINITY;
        }
        return PortableMath.log10(norm.of(normalized)) + exponent * Vectors.LOG10_2;
    }

    private static double blockLog10Norm(DMatrixRMaj product, long exponent, Block block,
                                         DMatrixRMaj blockMatrix, SpectralNorm norm) {
        blockMatrix.reshape(block.rowTo() - block.rowFrom(), block.colTo() - block.colFrom());
        CommonOps_DDRM.extract(product, block.rowFrom(), block.rowTo(), block.colFrom(), block.colTo(),
                blockMatrix, 0, 0);
        int blockExponent = PowerOfTwo.normalize(blockMatrix);
        if (blockExponent == PowerOfTwo.ZERO) {
            return Double.NEGATIVE_INFINITY;
        }
        return log10Norm(norm, blockMatrix, exponent + blockExponent);
    }
}
