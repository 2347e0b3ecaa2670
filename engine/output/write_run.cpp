// write_run: a run's folder with summary.csv, replications.csv, timeseries.csv, manifest.json.
#include "output/atomic_file.hpp"
#include "output/manifest.hpp"

#include <careflow/output.hpp>

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace careflow {

void write_run(const std::filesystem::path& dir, const Model& model, const BatchResult& batch,
               const std::vector<Summary>& summaries, const RunRecord& record) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) {
        throw std::system_error(error, "cannot create directory '" + dir.string() + "'");
    }
    output::write_file_atomically(dir / "summary.csv", summary_csv(batch.metrics, summaries));
    output::write_file_atomically(dir / "replications.csv", replications_csv(batch.metrics));
    output::write_file_atomically(dir / "timeseries.csv",
                                  timeseries_csv(batch.timeseries, summarize(batch.timeseries)));
    if (!model.strategies.empty()) {
        output::write_file_atomically(dir / "costs.csv",
                                      costs_csv(model, batch.costs, summarize(batch.costs)));
    }
    // Written last: a manifest beside the CSVs means the run's files are all complete.
    output::write_file_atomically(
        dir / "manifest.json",
        output::manifest_json(model, record, batch.partial(), batch.replications()));
}

}  // namespace careflow
