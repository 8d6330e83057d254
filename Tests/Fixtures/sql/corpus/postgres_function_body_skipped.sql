CREATE OR REPLACE FUNCTION audit.touch_updated_at() RETURNS trigger AS $$
BEGIN
  NEW.updated_at := now();
  INSERT INTO audit.changes SELECT * FROM audit.pending;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

INSERT INTO audit.events (kind) SELECT kind FROM audit.kinds WHERE enabled;
