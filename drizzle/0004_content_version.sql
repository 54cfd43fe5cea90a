ALTER TABLE `workspaces` ADD `content_version` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
-- Public answers are cached per workspace content version (see docs/ARCHITECTURE.md).
-- Triggers bump it inside the same statement as any write that can change what a gallery shows,
-- so no code path can forget to.
CREATE TRIGGER posts_cv_insert AFTER INSERT ON posts BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id = NEW.workspace_id;
END;
--> statement-breakpoint
CREATE TRIGGER posts_cv_delete AFTER DELETE ON posts BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id = OLD.workspace_id;
END;
--> statement-breakpoint
CREATE TRIGGER posts_cv_update AFTER UPDATE OF workspace_id, media_type, caption, permalink, author_username, published_at, moderation_status, rights_status, rights_expires_at, source_deleted_at, erased_at ON posts BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id IN (OLD.workspace_id, NEW.workspace_id);
END;
--> statement-breakpoint
CREATE TRIGGER post_media_cv_insert AFTER INSERT ON post_media BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id = (SELECT workspace_id FROM posts WHERE id = NEW.post_id);
END;
--> statement-breakpoint
CREATE TRIGGER post_media_cv_delete AFTER DELETE ON post_media BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id = (SELECT workspace_id FROM posts WHERE id = OLD.post_id);
END;
--> statement-breakpoint
CREATE TRIGGER post_media_cv_update AFTER UPDATE OF post_id, position, type, width, height, alt_text, store_status ON post_media BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id IN (SELECT workspace_id FROM posts WHERE id IN (OLD.post_id, NEW.post_id));
END;
--> statement-breakpoint
CREATE TRIGGER media_variants_cv_insert AFTER INSERT ON media_variants BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id = (SELECT p.workspace_id FROM post_media m JOIN posts p ON p.id = m.post_id WHERE m.id = NEW.media_id);
END;
--> statement-breakpoint
CREATE TRIGGER media_variants_cv_delete AFTER DELETE ON media_variants BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id = (SELECT p.workspace_id FROM post_media m JOIN posts p ON p.id = m.post_id WHERE m.id = OLD.media_id);
END;
--> statement-breakpoint
CREATE TRIGGER media_variants_cv_update AFTER UPDATE ON media_variants BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id IN (SELECT p.workspace_id FROM post_media m JOIN posts p ON p.id = m.post_id WHERE m.id IN (OLD.media_id, NEW.media_id));
END;
--> statement-breakpoint
CREATE TRIGGER post_sources_cv_insert AFTER INSERT ON post_sources BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id = (SELECT workspace_id FROM posts WHERE id = NEW.post_id);
END;
--> statement-breakpoint
CREATE TRIGGER post_sources_cv_delete AFTER DELETE ON post_sources BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id = (SELECT workspace_id FROM posts WHERE id = OLD.post_id);
END;
--> statement-breakpoint
CREATE TRIGGER post_products_cv_insert AFTER INSERT ON post_products BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id = (SELECT workspace_id FROM posts WHERE id = NEW.post_id);
END;
--> statement-breakpoint
CREATE TRIGGER post_products_cv_delete AFTER DELETE ON post_products BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id = (SELECT workspace_id FROM posts WHERE id = OLD.post_id);
END;
--> statement-breakpoint
CREATE TRIGGER post_products_cv_update AFTER UPDATE ON post_products BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id IN (SELECT workspace_id FROM posts WHERE id IN (OLD.post_id, NEW.post_id));
END;
--> statement-breakpoint
CREATE TRIGGER products_cv_insert AFTER INSERT ON products BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id = NEW.workspace_id;
END;
--> statement-breakpoint
CREATE TRIGGER products_cv_delete AFTER DELETE ON products BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id = OLD.workspace_id;
END;
--> statement-breakpoint
CREATE TRIGGER products_cv_update AFTER UPDATE OF workspace_id, sku, group_id, title, brand, link, image_url, price_minor, sale_price_minor, currency, availability, removed_at ON products BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id IN (OLD.workspace_id, NEW.workspace_id);
END;
--> statement-breakpoint
CREATE TRIGGER galleries_cv_insert AFTER INSERT ON galleries BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id = NEW.workspace_id;
END;
--> statement-breakpoint
CREATE TRIGGER galleries_cv_delete AFTER DELETE ON galleries BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id = OLD.workspace_id;
END;
--> statement-breakpoint
CREATE TRIGGER galleries_cv_update AFTER UPDATE ON galleries BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id IN (OLD.workspace_id, NEW.workspace_id);
END;
--> statement-breakpoint
CREATE TRIGGER gallery_posts_cv_insert AFTER INSERT ON gallery_posts BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id = (SELECT workspace_id FROM galleries WHERE id = NEW.gallery_id);
END;
--> statement-breakpoint
CREATE TRIGGER gallery_posts_cv_delete AFTER DELETE ON gallery_posts BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id = (SELECT workspace_id FROM galleries WHERE id = OLD.gallery_id);
END;
--> statement-breakpoint
CREATE TRIGGER gallery_posts_cv_update AFTER UPDATE ON gallery_posts BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id IN (SELECT workspace_id FROM galleries WHERE id IN (OLD.gallery_id, NEW.gallery_id));
END;
--> statement-breakpoint
CREATE TRIGGER workspaces_cv_update AFTER UPDATE OF name, slug, instagram_handle, allowed_origins, settings ON workspaces BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id = NEW.id;
END;
