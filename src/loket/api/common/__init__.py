"""What every ZGW API of Loket shares: JWT auth, scopes, error bodies, pages, ETags, links."""
