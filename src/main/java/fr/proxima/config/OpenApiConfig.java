package fr.proxima.config;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * OpenAPI description of the read API ({@code /v3/api-docs}, {@code /swagger-ui.html}):
 * JTS geometries are documented as RFC 7946 GeoJSON geometry objects, and every
 * {@code /api} operation lists its problem-detail responses.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

	private static final String PROBLEM = "Problem";

	static {
		for (Class<?> jts : List.of(Geometry.class, Point.class, MultiPolygon.class)) {
			SpringDocUtils.getConfig().replaceWithSchema(jts, geoJsonGeometry(jts.getSimpleName()));
		}
	}

	private static Schema<?> geoJsonGeometry(String type) {
		return new ObjectSchema().description("GeoJSON geometry (RFC 7946), WGS84 lon/lat")
			.addProperty("type", new StringSchema().example(type))
			.addProperty("coordinates", new ArraySchema().items(new Schema<>()).description("lon/lat positions"));
	}

	@Bean
	OpenApiCustomizer proximaApi() {
		return api -> {
			api.info(new Info().title("Proxima read API")
				.version("1")
				.description("Home-care and inclusion offers, organisations and territories. Bad input gets an"
						+ " RFC 9457 problem detail (application/problem+json)."));
			if (api.getComponents() == null) {
				api.setComponents(new Components());
			}
			api.getComponents()
				.addSchemas(PROBLEM,
						new ObjectSchema().description("RFC 9457 problem detail")
							.addProperty("type", new StringSchema())
							.addProperty("title", new StringSchema())
							.addProperty("status", new IntegerSchema())
							.addProperty("detail", new StringSchema())
							.addProperty("instance", new StringSchema()));
			api.getPaths().forEach((path, item) -> {
				if (path.startsWith("/api/")) {
					for (Operation op : item.readOperations()) {
						op.getResponses().putIfAbsent("400", problem("invalid parameter"));
						if (path.contains("{")) {
							op.getResponses().putIfAbsent("404", problem("not found"));
						}
					}
				}
			});
		};
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
	}

}
