// Loads a scenario with careflow's public API, runs 2 replications and prints the region's
// clients in the first year.
#include <careflow/careflow.hpp>

#include <cstddef>
#include <exception>
#include <iostream>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: consumer SCENARIO.yaml\n";
        return 2;
    }
    try {
        const careflow::LoadedScenario scenario = careflow::load_scenario(argv[1]);
        careflow::BatchOptions options;
        options.replications = 2;
        options.seed = 7;
        const careflow::BatchResult result = careflow::run_batch(*scenario.model, options);
        const std::vector<careflow::Summary> summaries = careflow::summarize(result.metrics);
        for (std::size_t i = 0; i < result.metrics.keys.size(); ++i) {
            const careflow::MetricKey& key = result.metrics.keys[i];
            if (key.metric == "clients" && key.state.empty()) {
                std::cout << "careflow " << careflow::version_string << ": "
                          << result.replications() << " replications, clients in " << key.year
                          << ": " << summaries[i].mean << '\n';
                return 0;
            }
        }
        std::cerr << "consumer: no metric 'clients' for the whole region\n";
    } catch (const careflow::ScenarioError& e) {
        std::cerr << careflow::format_all(e.diagnostics());
    } catch (const std::exception& e) {
        std::cerr << "consumer: " << e.what() << '\n';
    }
    return 1;
}
