-- What changed since an instance's near-cache read the tenant (see changes): KEYS[1] the roster; ARGV: prefix, the
-- epoch and version the cache holds ('' for none), the cursor scope to read ('' for none).
return changes(ARGV[2], ARGV[3], ARGV[4])
