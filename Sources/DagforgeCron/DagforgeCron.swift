// Placeholder until this module's first code lands; replaced by its owner.
