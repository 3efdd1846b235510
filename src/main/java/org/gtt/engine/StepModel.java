package org.gtt.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * A model seen as a chain of states s_0 → s_1 → … → s_T (time steps, or MLP layers). The engine
 * only needs each step's Jacobian; {@link #step} lets tests check it by finite differences.
 */
interface StepModel {
    int steps();

    /** Dimension of s_k. */
    int stateSize(int k);

    /** Writes ∂s_t/∂s_{t−1} (stateSize(t) × stateSize(t−1)) into {@code out}, already shaped. */
    void stepJacobian(int t, DMatrixRMaj out);

    /** out = left · factor, where factor is step t's Jacobian (rescaled); models with structure override it. */
    default void multiplyLeft(DMatrixRMaj left, DMatrixRMaj factor, DMatrixRMaj out) {
        MatrixProduct.multiply(left, factor, out);
    }

    /** s_t computed from an arbitrary s_{t−1}, with the step's own input. */
    double[] step(int t, double[] previous);
}
