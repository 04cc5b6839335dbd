"""Insights: the managers' figures (KPIs), their charts and exports, and the open data."""
