"""The Zaken API's resources, with the standard's Dutch names mapped to the domain's fields."""
