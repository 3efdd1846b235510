package org.gtt.engine.cliff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CliffGridTest {
    /** Rows by b, columns by w, ends included; every cell is the model's own gradient there. */
    @Test
    void gridCellsAreThePointwiseGradients() {
        CliffModel model = CliffModel.pascanu(50);
        CliffGrid grid = CliffGrid.compute(model, CliffGrid.Spec.standard());
        assertEquals(101, grid.w().length);
        assertEquals(4.5, grid.w()[0], 0.0);
        assertEquals(5.4, grid.w()[100], 0.0);
        assertEquals(-3.0, grid.b()[0], 0.0);
        assertEquals(-1.0, grid.b()[100], 0.0);
        assertEquals(-2.0, grid.b()[50], 1e-15);
        for (int i = 0; i < 101; i += 7) {
            for (int j = 0; j < 101; j += 9) {
                CliffGradient g = model.gradient(grid.w()[j], grid.b()[i]);
                assertEquals(g.loss(), grid.loss()[i][j], 0.0);
                assertEquals(g.dLossDw(), grid.dLossDw()[i][j], 0.0);
                assertEquals(g.dLossDb(), grid.dLossDb()[i][j], 0.0);
            }
        }
    }

    @Test
    void specRefusesEmptyOrHugeGrids() {
        assertThrows(IllegalArgumentException.class, () -> new CliffGrid.Spec(5, 5, -3, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> new CliffGrid.Spec(4, 5, -1, -3, 10));
        assertThrows(IllegalArgumentException.class, () -> new CliffGrid.Spec(4, 5, -3, -1, 202));
        assertThrows(IllegalArgumentException.class, () -> new CliffGrid.Spec(4, 5, -3, -1, 1));
    }
}
