CREATE TABLE IF NOT EXISTS etl.run_log (id INT AUTO_INCREMENT PRIMARY KEY, ran_at DATETIME);

DELIMITER $$
CREATE PROCEDURE etl.refresh_summary()
BEGIN
  DELETE FROM etl.summary;
  INSERT INTO etl.summary SELECT category, COUNT(*) FROM etl.items GROUP BY category;
END$$
DELIMITER ;

INSERT INTO etl.run_log (ran_at) VALUES (NOW());
