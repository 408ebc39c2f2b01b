package shop.mapper;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.session.RowBounds;

@Mapper
public interface TagMapper {

    @Select("SELECT id, name FROM tags")
    List<Tag> all();

    @Select("SELECT id, name FROM tags WHERE id = #{id}")
    Tag byId(long id);

    @Select({"SELECT id, name", "FROM tags", "WHERE name LIKE #{prefix}"})
    Cursor<Tag> byPrefix(String prefix);

    @Select("SELECT id, name FROM tags ORDER BY name")
    List<Tag> page(RowBounds bounds);

    @Select("SELECT count(*) FROM tags")
    int count();

    @Select({"<script>",
            "SELECT id, name FROM tags",
            "<where>",
            "  <if test='name != null'>AND name = #{name}</if>",
            "  <if test='color != null'>AND color = #{color}</if>",
            "</where>",
            "</script>"})
    List<Tag> search(@Param("name") String name, @Param("color") String color);

    @Insert("INSERT INTO tags (name) VALUES (#{name})")
    int insert(Tag tag);

    @Update("UPDATE tags SET name = #{name} WHERE id = #{id}")
    int rename(Tag tag);

    @Delete("DELETE FROM tags WHERE id = #{id}")
    void delete(long id);

    @Select("SELECT * FROM ${table}")
    List<java.util.Map<String, Object>> dump(@Param("table") String table);
}
