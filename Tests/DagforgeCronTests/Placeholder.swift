// Placeholder until this module's first tests land; replaced by its owner.
