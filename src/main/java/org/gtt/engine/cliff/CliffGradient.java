package org.gtt.engine.cliff;

/** E(w, b) with its exact partial derivatives at one point. */
public record CliffGradient(double loss, double dLossDw, double dLossDb) {
    /** ‖(∂E/∂w, ∂E/∂b)‖₂, without overflow in the squares. */
    public double norm() {
        return CliffMath.norm(dLossDw, dLossDb);
    }
}
