package org.gtt.widget;

/**
 * What the "Your model" widget starts with: lesson 2's non-normal matrix W_hh = [[0.9, 5], [0, 0.9]]
 * (ρ = 0.9 but σ_max ≈ 5.16, so the gradient first grows ≈ 19× before it decays), as a linear RNN
 * with one input, written as a PyTorch state_dict, and the Python that exports such a dict.
 */
final class CustomExample {
    private CustomExample() {}

    static final String WEIGHTS = """
            {
              "weight_ih_l0": [[0.5], [-0.3]],
              "weight_hh_l0": [[0.9, 5.0], [0.0, 0.9]],
              "bias_ih_l0": [0.0, 0.0],
              "bias_hh_l0": [0.0, 0.0]
            }""";

    static final String EXPORT_SNIPPET = """
            import json, torch
            model = torch.nn.RNN(input_size=4, hidden_size=16)  # or nn.LSTM / nn.GRU: your trained model
            state = {k: v.tolist() for k, v in model.state_dict().items()}
            print(json.dumps(state))  # paste the output into the box""";
}
