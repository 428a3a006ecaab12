"""Processing provider and algorithms (same engine runner as the dock)."""
