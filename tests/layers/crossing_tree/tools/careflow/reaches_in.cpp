#include "batch/passes.hpp"
