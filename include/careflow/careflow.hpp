// Umbrella header: everything the CLI and other programs need.
#pragma once

#include <careflow/batch_watcher.hpp>
#include <careflow/cluster.hpp>
#include <careflow/diagnostics.hpp>
#include <careflow/ids.hpp>
#include <careflow/model.hpp>
#include <careflow/output.hpp>
#include <careflow/replications.hpp>
#include <careflow/run.hpp>
#include <careflow/scenario.hpp>
#include <careflow/summary.hpp>
#include <careflow/uncertainty.hpp>
#include <careflow/version.hpp>
