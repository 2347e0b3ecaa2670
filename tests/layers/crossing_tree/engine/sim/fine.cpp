#include "finance/ledger.hpp"
