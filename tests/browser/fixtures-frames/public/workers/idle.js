// Fixture (worker): does nothing.
