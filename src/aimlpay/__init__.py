"""aimlpay: turns the cited dataset in data/ into the AI & ML compensation report site."""
