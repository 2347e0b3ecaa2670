// Calibration of scenarios/noord-veluwe-2019.yaml against FIGURES.md §7 (being written).
