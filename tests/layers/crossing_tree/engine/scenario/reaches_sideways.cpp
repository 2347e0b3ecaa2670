#include <finance/ledger.hpp>
#include <fmt/format.h>
#include "model/calendar.hpp"
