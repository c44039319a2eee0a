-- The engine's history level becomes Corridor's own (lifecycle.PassHistoryLevel, id 31): process and activity
-- instances only. The engine refuses to start when the level in its database differs from its configuration; a
-- database whose engine has not started yet has no row, and the engine writes 31 at its first start.
update ACT_GE_PROPERTY set VALUE_ = '31' where NAME_ = 'historyLevel';
