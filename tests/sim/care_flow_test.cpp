// Care-flow mechanisms: ageing, seasonality, competing risks, stock (being written).
